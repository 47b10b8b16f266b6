"""memo.md to memo.html (self-contained: styles and figures inside), memo.docx and memo.pdf.

pandoc makes the HTML and the DOCX; weasyprint prints the HTML to PDF, so the PDF has the HTML's layout
and the organisation's CSS. Both tools are required: the memo command refuses to start without them
rather than leaving a memo without its PDF. The tools write to a pipe and the files are written through
`outputs`, atomically.
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .errors import RUNTIME, AnalysisError

TEMPLATES = Path(__file__).parent / "templates"
DEFAULT_CSS = TEMPLATES / "memo.css"
INSTALL_HINT = "on Debian: apt-get install pandoc weasyprint (or bash .ci/install-deps.sh)"


@dataclass
class Style:
    """An organisation's look: CSS for HTML and PDF (after the default style, so it overrides it) and a
    reference DOCX for Word (pandoc --reference-doc: its styles, page size, headers and footers)."""
    css: list = field(default_factory=list)
    reference_doc: Path | None = None


@dataclass
class Tools:
    pandoc: str
    weasyprint: str


def find_tools() -> Tools:
    """pandoc and weasyprint, or a clear error before any work is done."""
    missing = [name for name in ("pandoc", "weasyprint") if not shutil.which(name)]
    if missing:
        what = {"pandoc": "memo.html and memo.docx", "weasyprint": "memo.pdf"}
        raise AnalysisError(f"{' and '.join(missing)} {'is' if len(missing) == 1 else 'are'} not installed, so "
                            f"{' and '.join(what[m] for m in missing)} cannot be made ({INSTALL_HINT}); "
                            "nothing was written", exit_code=RUNTIME)
    return Tools(shutil.which("pandoc"), shutil.which("weasyprint"))


def check_style(css: list, reference_doc, names: tuple) -> Style:
    """Refuse a style file that is missing or of the wrong kind, naming the option or key (`names`: the
    css one and the reference doc one) it came from."""
    for path in css:
        _check_file(path, ".css", names[0])
    if reference_doc is not None:
        _check_file(reference_doc, ".docx", names[1])
    return Style([Path(p) for p in css], Path(reference_doc) if reference_doc is not None else None)


def _check_file(path, suffix: str, what: str) -> None:
    path = Path(path)
    if not path.is_file():
        raise AnalysisError(f"{what}: no such file", path)
    if path.suffix.lower() != suffix:
        raise AnalysisError(f"{what}: expected a {suffix} file", path)


# The default Word template: pandoc's own, on A4 with 2 cm margins (pandoc's is US Letter), body text at
# 11 pt and table text at 8.5 pt, so that the tables' seven columns fit without breaking numbers.
A4_SECTION = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1077" '
              'w:bottom="1134" w:left="1077" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>')
TABLE_TEXT = '<w:rPr><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr>'


def default_reference_doc(pandoc: str) -> bytes:
    """pandoc's reference.docx with the memo's page and type sizes (see A4_SECTION)."""
    proc = subprocess.run([pandoc, "--print-default-data-file", "reference.docx"], capture_output=True)
    if proc.returncode != 0:
        raise AnalysisError(f"pandoc cannot print its reference.docx: {proc.stderr.decode(errors='replace')}",
                            exit_code=RUNTIME)
    source, out = zipfile.ZipFile(io.BytesIO(proc.stdout)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = re.sub(rb"<w:sectPr\s*/>|<w:sectPr>.*?</w:sectPr>", A4_SECTION.encode(), data, flags=re.S)
            elif item.filename == "word/styles.xml":
                text = data.decode("utf-8")
                text = re.sub(r'(<w:rPrDefault>\s*<w:rPr>.*?)<w:sz w:val="\d+"\s*/>\s*<w:szCs w:val="\d+"\s*/>',
                              r'\1<w:sz w:val="22"/><w:szCs w:val="22"/>', text, count=1, flags=re.S)
                text = re.sub(r'(<w:style w:type="table" w:default="1" w:styleId="Table">.*?)(</w:tblPr>)',
                              r"\1\2" + TABLE_TEXT, text, count=1, flags=re.S)
                data = text.encode("utf-8")
            target.writestr(item, data)
    return out.getvalue()


def rows_kept_whole(docx: bytes) -> bytes:
    """Word splits a table row over two pages unless told not to (the PDF's CSS keeps rows whole): every
    row of pandoc's DOCX gets <w:cantSplit/>."""
    source, out = zipfile.ZipFile(io.BytesIO(docx)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:tr><w:trPr>", b"<w:tr><w:trPr><w:cantSplit />")
                data = re.sub(rb"<w:tr>(?!<w:trPr>)", b"<w:tr><w:trPr><w:cantSplit /></w:trPr>", data)
            target.writestr(item, data)
    return out.getvalue()


def render(md_path: Path, html: Path, docx: Path, pdf: Path, outputs, tools: Tools, style: Style,
           title: str) -> None:
    out = md_path.parent
    common = [tools.pandoc, md_path.name, "--from", "markdown", "--resource-path", ".", "-o", "-"]
    css = [str(DEFAULT_CSS)] + [str(p.resolve()) for p in style.css]
    html_cmd = common + ["--standalone", "--self-contained", "--section-divs", "--to", "html5",
                         "--metadata", f"pagetitle={title}"] + [a for c in css for a in ("--css", c)]
    outputs.write(html, _run(html_cmd, out))
    with tempfile.TemporaryDirectory() as tmp:
        reference = style.reference_doc.resolve() if style.reference_doc is not None else Path(tmp) / "memo.docx"
        if style.reference_doc is None:
            reference.write_bytes(default_reference_doc(tools.pandoc))
        outputs.write(docx, rows_kept_whole(_run(common + ["--to", "docx", "--reference-doc", str(reference)], out)))
    outputs.write(pdf, _run([tools.weasyprint, "--quiet", html.name, "-"], out))


def _run(cmd: list, cwd: Path) -> bytes:
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True)
    if proc.returncode != 0 or not proc.stdout:
        message = proc.stderr.decode("utf-8", "replace").strip() or f"exit code {proc.returncode}, no output"
        raise AnalysisError(f"{Path(cmd[0]).name} failed: {message}", cwd / cmd[1], exit_code=RUNTIME)
    return proc.stdout
