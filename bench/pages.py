"""The pages the benchmark drives: file (for AppTest) and URL path (for the browser)."""

PAGES = [
    ("overview", "pages/overview.py", ""),
    ("cooperatives", "pages/cooperatives.py", "koperasi"),
    ("meetings", "pages/meetings.py", "rakor"),
    ("pokja_status", "pages/pokja_status.py", "pokja"),
    ("maps", "pages/maps.py", "peta"),
    ("kdmp", "pages/kdmp.py", "merah-putih"),
]
# Filter changes measured on every page: one province, then one kabupaten inside it.
FILTER_PROVINCE = "53"
FILTER_REGENCY = "53.04"
# Ten filter sets visited on every page before peak memory is read.
MEMORY_FILTER_SETS = [
    {}, {"f_prov": ["53"]}, {"f_prov": ["62"]}, {"f_prov": ["64"]}, {"f_prov": ["35"]},
    {"f_prov": ["53"], "f_kab": ["53.04"]}, {"f_prov": ["53"], "f_kab": ["53.01"]},
    {"f_prov": ["32", "33"]}, {"f_sektor": ["koperasi"]}, {"f_nyata": True},
]
