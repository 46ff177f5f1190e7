# Writes the pyarrow fixtures of this directory (pyarrow 25.0.1, its defaults: snappy, row groups as given).
# Run from this directory: python3 make-fixtures.py
import pyarrow as pa
import pyarrow.parquet as pq

rows = [
    {"messages": [{"role": "user", "content": "Привет! Как перевести «спасибо» на греческий?"},
                  {"role": "assistant", "content": "«Ευχαριστώ» (efcharistó)."}],
     "source": "fixture", "prompt_id": "p1"},
    {"messages": [{"role": "system", "content": "Réponds en français."},
                  {"role": "user", "content": "東京の天気は？"},
                  {"role": "assistant", "content": "Je ne connais pas la météo actuelle de Tokyo 🙂"}],
     "source": "fixture", "prompt_id": "p2"},
    {"messages": [{"role": "user", "content": "สวัสดีครับ"},
                  {"role": "assistant", "content": "안녕하세요! नमस्ते! مرحبا!"}],
     "source": "fixture", "prompt_id": "p3"},
]
schema = pa.schema([
    ("messages", pa.list_(pa.struct([("role", pa.string()), ("content", pa.string())]))),
    ("source", pa.string()), ("prompt_id", pa.string())])
pq.write_table(pa.Table.from_pylist(rows, schema=schema), "pyarrow-chat.parquet", row_group_size=2)
