"""The floor: a one-chart Streamlit page, measured under the same harness as the app's pages."""

import altair as alt
import pandas as pd
import streamlit as st

st.title("Floor")
data = pd.DataFrame({"x": list(range(20)), "y": [v * v for v in range(20)]})
st.altair_chart(alt.Chart(data).mark_bar().encode(x="x:O", y="y:Q"), use_container_width=True)
