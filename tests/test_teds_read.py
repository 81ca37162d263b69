"""Reading TEDS-D discharges: both layouts, both forms, both engines, whole or in chunks.

All data here is SYNTHETIC (tests/data/teds/, or drawn by ``teds.synthetic_discharges``).
Codes and layouts cite TEDS-D-CB (SAMHSA's TEDS-D 2015–2019 codebooks).
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import carecontinuum as cc
from carecontinuum import teds

DATA = Path(__file__).resolve().parent / "data" / "teds"
CODES_2019 = DATA / "SYNTHETIC_tedsd_2019_codes.csv"
LABELS_2019 = DATA / "SYNTHETIC_tedsd_2019_labels_latin1.csv"
CODES_2016 = DATA / "SYNTHETIC_tedsd_2016_codes.csv"
LABELS_2016 = DATA / "SYNTHETIC_tedsd_2016_labels_latin1.csv"
ENGINES = ["pyarrow", "c"]
TYPED = list(teds.read_discharges(teds.synthetic_discharges(1)).columns[:13])


def _csv(frame: pd.DataFrame, encoding: str = "utf-8") -> bytes:
    return frame.to_csv(index=False).encode(encoding)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_2019_code_file(engine: str) -> None:
    df = teds.read_discharges(CODES_2019, engine=engine)  # type: ignore[arg-type]
    raw = pd.read_csv(CODES_2019)
    assert len(df) == len(raw) == 150
    assert list(df.columns[:13]) == [
        "episode_id", "year", "state_fips", "teds_setting", "level", "level_match",
        "admission_teds_setting", "admission_level", "admission_level_match", "reason", "los",
        "los_min_days", "los_max_days",
    ]  # fmt: skip
    # the other 69 columns of the 2017+ layout, under their codebook names [TEDS-D-CB]
    replaced = {"CASEID", "DISYR", "STFIPS", "SERVICES", "SERVICES_D", "REASON", "LOS"}
    assert list(df.columns[13:]) == [c for c in teds.COLUMNS_2017 if c not in replaced]
    assert df.attrs["layout"] == "2017+"
    assert df.attrs["form"] == "code"
    assert df["episode_id"].tolist() == raw["CASEID"].tolist()
    assert (df["year"] == 2019).all()
    assert df["teds_setting"].astype(int).tolist() == raw["SERVICES_D"].tolist()
    assert df["admission_teds_setting"].astype(int).tolist() == raw["SERVICES"].tolist()
    assert df["reason"].astype(int).tolist() == raw["REASON"].tolist()
    assert df["los"].astype(int).tolist() == raw["LOS"].tolist()
    assert df["state_fips"].tolist() == raw["STFIPS"].tolist()
    for column in ("AGE", "GENDER", "PSOURCE", "FREQ_ATND_SELF_HELP_D"):
        expected = raw[column].where(raw[column] != -9)  # -9 is missing [TEDS-D-CB]
        assert df[column].astype("float").tolist() == pytest.approx(
            expected.astype(float).tolist(), nan_ok=True
        )


def test_the_typed_dtypes() -> None:
    df = teds.read_discharges(CODES_2019)
    dtypes = {c: str(df[c].dtype) for c in TYPED}
    assert dtypes == {
        "episode_id": "int64", "year": "int16", "state_fips": "Int8",
        "teds_setting": "category", "level": "category", "level_match": "category",
        "admission_teds_setting": "category", "admission_level": "category",
        "admission_level_match": "category", "reason": "category", "los": "category",
        "los_min_days": "Int16", "los_max_days": "Int16",
    }  # fmt: skip
    assert list(df["teds_setting"].cat.categories) == list(range(1, 9))
    assert list(df["reason"].cat.categories) == list(range(1, 8))
    assert list(df["los"].cat.categories) == list(range(1, 38))
    assert df["los"].cat.ordered
    assert list(df["level"].cat.categories) == list(cc.default_graph().codes)
    assert list(df["level_match"].cat.categories) == ["exact", "approximate", "none", "several"]
    assert str(df["AGE"].dtype) == "Int8"
    assert str(df["CBSA2010"].dtype) == "Int32"


def test_los_is_an_interval_and_37_is_open_ended() -> None:
    """LOS 1–30 = days, 31–36 intervals, 37 more than a year [TEDS-D-CB]."""
    df = teds.read_discharges(CODES_2019)
    for code, low, high in zip(df["los"], df["los_min_days"], df["los_max_days"], strict=True):
        entry = teds.LOS_CODES[int(code) - 1]
        assert low == entry.min_days
        if entry.max_days is None:
            assert high is pd.NA
        else:
            assert high == entry.max_days


def test_levels_come_from_the_crosswalk_with_their_match_kind() -> None:
    df = teds.read_discharges(CODES_2019)
    walk = cc.crosswalk("teds", "continuum")
    for setting, level, match in zip(
        df["teds_setting"], df["level"], df["level_match"], strict=True
    ):
        (mapping,) = walk.map(str(setting))
        assert match == mapping.match.value
        assert (level if isinstance(level, str) else "") == mapping.target
    assert df.attrs["crosswalk"] == "teds→continuum"
    assert df.attrs["level_mapping"][8] == "8 → no level (none)"


def test_the_2016_layout_has_no_admission_setting() -> None:
    """2015/2016: no SERVICES, CBSA for CBSA2010, and NUMSUBS [TEDS-D-CB]."""
    df = teds.read_discharges(CODES_2016)
    assert df.attrs["layout"] == "2015-2016"
    assert df["admission_teds_setting"].isna().all()
    assert df["admission_level"].isna().all()
    assert df["admission_level_match"].isna().all()
    assert "NUMSUBS" in df.columns
    assert "CBSA" in df.columns
    assert "CBSA2010" not in df.columns
    assert "SERVICES" not in df.columns
    assert str(df["CBSA"].dtype) == "Int32"
    assert (df["year"] == 2016).all()


@pytest.mark.parametrize(
    ("labels", "codes"), [(LABELS_2019, CODES_2019), (LABELS_2016, CODES_2016)]
)
@pytest.mark.parametrize("engine", ENGINES)
def test_label_fixtures_decode_to_the_codebook_codes(
    labels: Path, codes: Path, engine: str
) -> None:
    df = teds.read_discharges(labels, engine=engine)  # type: ignore[arg-type]
    raw = pd.read_csv(labels, encoding="latin-1", dtype=str, keep_default_na=False)
    year = int(raw["DISYR"].iloc[0])
    assert df.attrs["form"] == "label"
    assert df.attrs["layout"] == ("2017+" if year >= 2017 else "2015-2016")
    for column in ("GENDER", "AGE", "PSOURCE"):
        by_label = {label: code for code, label in teds.value_labels(column, year).items()}
        expected = [by_label[v] for v in raw[column]]
        got = df[column].fillna(-9).astype(int).tolist()
        assert got == expected
    by_label = {label: code for code, label in teds.value_labels("SERVICES_D", year).items()}
    assert df["teds_setting"].astype(int).tolist() == [by_label[v] for v in raw["SERVICES_D"]]


@settings(max_examples=6, deadline=None)
@given(
    year=st.sampled_from(teds.CODEBOOK_YEARS),
    n=st.integers(min_value=0, max_value=60),
    seed=st.integers(min_value=0, max_value=2**16),
)
def test_codes_and_labels_read_the_same_whatever_the_engine(year: int, n: int, seed: int) -> None:
    codes = teds.synthetic_discharges(n, year=year, seed=seed)
    labels = teds.synthetic_discharges(n, year=year, seed=seed, form="label")
    expected = teds.read_discharges(codes)
    assert teds.read_discharges(labels).equals(expected)
    for engine in ENGINES:
        for raw, encoding in ((codes, "utf-8"), (labels, "latin-1")):
            data = io.BytesIO(_csv(raw, encoding))
            got = teds.read_discharges(data, engine=engine)  # type: ignore[arg-type]
            assert got.equals(expected)
            assert (got.dtypes == expected.dtypes).all()


@settings(max_examples=15, deadline=None)
@given(
    n=st.integers(min_value=0, max_value=80),
    size=st.integers(min_value=1, max_value=90),
    form=st.sampled_from(["code", "label"]),
    engine=st.sampled_from(ENGINES),
)
def test_chunks_add_up_to_the_whole_file(n: int, size: int, form: str, engine: str) -> None:
    raw = teds.synthetic_discharges(n, seed=n, form=form)  # type: ignore[arg-type]
    data = _csv(raw)
    whole = teds.read_discharges(io.BytesIO(data))
    chunks = list(
        teds.read_discharges(io.BytesIO(data), chunksize=size, engine=engine)  # type: ignore[arg-type]
    )
    assert all(len(c) <= size for c in chunks)
    assert len(chunks) == max(1, -(-n // size))
    joined = pd.concat(chunks)
    assert joined.equals(whole)
    assert (joined.dtypes == whole.dtypes).all()


def test_chunks_of_a_path_and_a_label_file(tmp_path: Path) -> None:
    chunks = list(teds.read_discharges(LABELS_2016, chunksize=25))
    assert [len(c) for c in chunks] == [25, 25, 10]
    assert list(chunks[2].index) == list(range(50, 60))
    assert pd.concat(chunks).equals(teds.read_discharges(LABELS_2016))


@pytest.mark.parametrize("engine", ENGINES)
def test_the_header_is_matched_without_regard_to_case_spaces_or_bom(engine: str) -> None:
    raw = teds.synthetic_discharges(5, seed=3)
    text = raw.to_csv(index=False, lineterminator="\r\n")
    header, rest = text.split("\r\n", 1)
    names = [f' "{n.lower()}" ' if i % 2 else n.lower() for i, n in enumerate(header.split(","))]
    data = "\ufeff" + ",".join(names).replace(' "', '"').replace('" ', '"') + "\r\n" + rest
    got = teds.read_discharges(io.BytesIO(data.encode("utf-8")), engine=engine)  # type: ignore[arg-type]
    assert got.equals(teds.read_discharges(raw))


def test_columns_in_any_order_and_other_columns_pass_through() -> None:
    raw = teds.synthetic_discharges(6, seed=8)
    shuffled = raw[list(reversed(raw.columns))].assign(site=["a", "b", "c", "d", "e", "é"])
    for source in (shuffled, io.BytesIO(_csv(shuffled))):
        got = teds.read_discharges(source)
        assert got["site"].tolist() == ["a", "b", "c", "d", "e", "é"]
        assert got.attrs["other_columns"] == ["site"]
        expected = teds.read_discharges(raw)
        assert got[TYPED].equals(expected[TYPED])
        assert got["AGE"].equals(expected["AGE"])


def test_other_column_labels_are_kept_as_they_are() -> None:
    raw = teds.synthetic_discharges(2, seed=1).assign(**{"Site ID": ["a", "b"]})
    raw[7] = [1.5, 2.5]
    raw["kind"] = pd.Categorical(["x", "y"])
    got = teds.read_discharges(raw)
    assert list(got.columns[-3:]) == ["Site ID", 7, "kind"]
    assert got[7].tolist() == [1.5, 2.5]
    assert got["kind"].dtype == raw["kind"].dtype  # unchanged, dtype and all


def test_a_latin1_file_with_non_ascii_bytes() -> None:
    """Label files may be latin-1 [TEDS]: bytes that are not UTF-8 still decode."""
    raw = teds.synthetic_discharges(8, seed=5, form="label")
    raw["AGE"] = raw["AGE"].astype(str).str.replace("-", "\u2013")  # an en dash, cp1252 0x96
    data = raw.to_csv(index=False).encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    for engine in ENGINES:
        got = teds.read_discharges(io.BytesIO(data), engine=engine)  # type: ignore[arg-type]
        assert got.attrs["encoding"] in {"latin1", "latin-1"}
        assert got["AGE"].equals(teds.read_discharges(raw)["AGE"])
    explicit = teds.read_discharges(io.BytesIO(data), encoding="cp1252")
    assert explicit["AGE"].equals(teds.read_discharges(raw)["AGE"])


def test_labels_of_the_2015_capitals_and_lost_hyphens() -> None:
    """2015/2016 labels are capitals with hyphens lost ("NONINTENSIVE") [TEDS-D-CB]."""
    raw = teds.synthetic_discharges(3, year=2016, seed=1)
    raw["SERVICES_D"] = [
        "AMBULATORY, NONINTENSIVE OUTPATIENT",
        "Ambulatory, non-intensive outpatient",
        " ambulatory,  non intensive outpatient ",
    ]
    raw["REASON"] = ["TREATMENT COMPLETED", "Dropped out of treatment", "4"]
    got = teds.read_discharges(raw)
    assert got["teds_setting"].tolist() == [7, 7, 7]
    assert got["reason"].tolist() == [1, 2, 4]
    assert got.attrs["form"] == "label"


def test_missing_values_are_minus_nine_everywhere() -> None:
    raw = teds.synthetic_discharges(4, seed=2)
    raw.loc[0, ["SERVICES_D", "SERVICES", "REASON", "LOS", "STFIPS", "AGE"]] = -9
    got = teds.read_discharges(raw)
    first = got.iloc[0]
    for column in ("teds_setting", "level", "level_match", "admission_teds_setting", "reason"):
        assert pd.isna(first[column]), column
    assert pd.isna(first["los"])
    assert first["los_min_days"] is pd.NA
    assert first["los_max_days"] is pd.NA
    assert first["state_fips"] is pd.NA
    assert first["AGE"] is pd.NA


def test_a_custom_crosswalk_decides_the_levels() -> None:
    """An approximate 6 stays visible; a setting with several targets gets no level."""
    base = cc.crosswalk("teds", "continuum")
    mappings = [m for m in base.mappings if m.source not in {"5", "6"}]
    mappings += [
        cc.LevelMapping(source="6", target="intensive_outpatient", match="approximate",
                        lost="PHP-like care is reported as 6", sources=("TEDS",)),
        cc.LevelMapping(source="5", target="residential", match="approximate", lost="x"),
        cc.LevelMapping(source="5", target="inpatient_acute", match="approximate", lost="y"),
    ]  # fmt: skip
    walk = cc.Crosswalk(source_framework="teds", target_framework="continuum", mappings=mappings)
    raw = teds.synthetic_discharges(3, seed=1)
    raw["SERVICES_D"] = [6, 5, 7]
    got = teds.read_discharges(raw, crosswalk=walk)
    assert got["level"].tolist()[0] == "intensive_outpatient"
    assert pd.isna(got["level"].iloc[1])
    assert got["level_match"].tolist() == ["approximate", "several", "exact"]
    assert got.attrs["level_mapping"][5] == "5 → no level (several)"


def test_a_crosswalk_from_another_framework_is_refused() -> None:
    with pytest.raises(teds.TedsValueError, match="TEDS service settings"):
        teds.read_discharges(CODES_2019, crosswalk=cc.crosswalk("asam3", "continuum"))
    with pytest.raises(TypeError, match="Crosswalk"):
        teds.read_discharges(CODES_2019, crosswalk="teds")  # type: ignore[arg-type]


def test_year_is_checked_row_by_row() -> None:
    assert len(teds.read_discharges(CODES_2019, year=2019)) == 150
    raw = teds.synthetic_discharges(4, seed=1)
    raw.loc[2, "DISYR"] = 2018
    with pytest.raises(teds.TedsValueError, match=r"column DISYR, row 3: 2018 is not the year"):
        teds.read_discharges(raw, year=2019)


def test_a_frame_keeps_its_index_and_names_it_in_messages() -> None:
    raw = teds.synthetic_discharges(3, seed=1).set_axis(["x", "y", "z"])
    assert list(teds.read_discharges(raw).index) == ["x", "y", "z"]
    raw.loc["y", "REASON"] = 12
    with pytest.raises(teds.TedsValueError, match=r"row 2 \(index 'y'\): 12 is not a REASON"):
        teds.read_discharges(raw)


def test_a_text_file_object_and_a_pipe_like_stream() -> None:
    raw = teds.synthetic_discharges(5, seed=9)
    expected = teds.read_discharges(raw)
    assert teds.read_discharges(io.StringIO(raw.to_csv(index=False))).equals(expected)

    class Pipe(io.RawIOBase):  # readable, not seekable
        def __init__(self, data: bytes) -> None:
            self._data = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
            chunk = self._data.read(len(buffer))
            buffer[: len(chunk)] = chunk
            return len(chunk)

    assert teds.read_discharges(io.BufferedReader(Pipe(_csv(raw)))).equals(expected)


def test_an_empty_year_reads_as_an_empty_typed_frame() -> None:
    header = ",".join(teds.COLUMNS_2017) + "\n"
    for engine in ENGINES:
        got = teds.read_discharges(io.BytesIO(header.encode()), engine=engine)  # type: ignore[arg-type]
        assert len(got) == 0
        assert list(got.columns) == list(teds.read_discharges(CODES_2019).columns)
        assert str(got["teds_setting"].dtype) == "category"


def test_without_pyarrow_the_c_engine_reads_and_pyarrow_is_a_missing_extra() -> None:
    code = f"""
import sys
sys.modules["pyarrow"] = None  # as if the arrow extra were not installed
from carecontinuum import teds
from carecontinuum.errors import MissingExtraError
df = teds.read_discharges({str(CODES_2019)!r})
labels = teds.read_discharges({str(LABELS_2019)!r})
try:
    teds.read_discharges({str(CODES_2019)!r}, engine="pyarrow")
except MissingExtraError as err:
    print("missing:", err)
print(len(df), df.attrs["form"], labels.attrs["form"], "pyarrow.csv" in sys.modules)
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("missing:")
    assert "pip install 'carecontinuum[arrow]'" in lines[0]
    assert lines[1] == "150 code label False"


def test_the_engines_agree_on_the_fixtures() -> None:
    for path in (CODES_2019, LABELS_2019, CODES_2016, LABELS_2016):
        a = teds.read_discharges(path, engine="pyarrow")
        b = teds.read_discharges(path, engine="c")
        assert a.drop(columns=[]).equals(b), path.name
        assert a.attrs["form"] == b.attrs["form"]


def test_rows_are_discharges_not_people() -> None:
    """No person id, no dates: the frame never chains rows or makes dates up [TEDS-D-CB]."""
    df = teds.read_discharges(CODES_2019)
    assert not any("person" in c or "date" in c or c in {"start", "end"} for c in df.columns)
    assert not any(np.issubdtype(t, np.datetime64) for t in df.dtypes if isinstance(t, np.dtype))


@pytest.mark.parametrize("suffix", [".csv.gz", ".csv.bz2", ".csv.xz", ".zip"])
@pytest.mark.parametrize("engine", ENGINES)
def test_compressed_files_and_zip_bundles(tmp_path: Path, suffix: str, engine: str) -> None:
    """SAMHSA ships years as zip bundles [TEDS]; compressed files read as the CSV inside."""
    import bz2
    import gzip
    import lzma
    import zipfile

    data = CODES_2019.read_bytes()
    path = tmp_path / f"tedsd_puf_2019{suffix}"
    if suffix == ".zip":
        with zipfile.ZipFile(path, "w") as bundle:
            bundle.writestr("README.txt", "not the data")  # one data file with a note beside it
            bundle.writestr("tedsd_puf_2019.csv", data)
    else:
        opener = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}[Path(suffix).suffix]
        with opener(path, "wb") as handle:
            handle.write(data)
    got = teds.read_discharges(path, engine=engine)  # type: ignore[arg-type]
    assert got.equals(teds.read_discharges(CODES_2019))
    chunks = list(teds.read_discharges(path, engine=engine, chunksize=60))  # type: ignore[arg-type]
    assert pd.concat(chunks).equals(got)


def test_a_zip_without_a_single_data_file(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "bundle.zip"
    with zipfile.ZipFile(path, "w") as bundle:
        bundle.writestr("a.csv", "x")
        bundle.writestr("b.csv", "y")
    with pytest.raises(teds.TedsFormatError, match="one CSV inside is read; this one has 2"):
        teds.read_discharges(path)
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"not a zip")
    with pytest.raises(teds.TedsFormatError, match="not a readable zip file"):
        teds.read_discharges(broken)
    fake = tmp_path / "fake.csv.gz"
    fake.write_bytes(b"not gzip at all")
    with pytest.raises(teds.TedsFormatError, match="cannot be decompressed"):
        teds.read_discharges(fake)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_tab_separated_file(engine: str) -> None:
    raw = teds.synthetic_discharges(7, seed=6, form="label")
    data = raw.to_csv(index=False, sep="\t").encode("latin-1")
    got = teds.read_discharges(io.BytesIO(data), engine=engine)  # type: ignore[arg-type]
    assert got.equals(teds.read_discharges(raw))
