#!/usr/bin/env python3
"""Import a .qdpx with QualCoder's own REFI-QDA importer, headless, and report what QualCoder stored.

    QT_QPA_PLATFORM=offscreen python qualcoder_import.py FILE.qdpx --qualcoder-src DIR [--check] [--keep DIR]

DIR is the folder that holds the `qualcoder` package (QualCoder's `src/` in a checkout, or a folder
with a vendored copy of src/qualcoder/refi.py and color_selector.py). Needs PyQt6 (QualCoder itself
is not on PyPI). What it does is what QualCoder's "Import REFI-QDA project" menu action does
(MainWindow.refi_project_import): create a new project (MainWindow.new_project's tables, schema v16)
and run refi.RefiImport(app, textedit, "qdpx"). The dialogs are stubbed: the file dialog returns our
file, message boxes are recorded instead of shown.

Prints JSON: counts of QualCoder's tables, every text coding as [source, code, pos0, pos1, seltext, owner],
QualCoder's log lines and messages. With --check it also compares the database with the .qdpx
(texts, code tree, codings with owner and memo, cases, case variables, and QualCoder's seltext against
the quote Fieldwork writes as each selection's name) and exits 1 on any mismatch or import error.
Not compared, as QualCoder has no place for them: a Case's SourceRefs (QualCoder's case_text stays
empty) and Notes without plainTextPath (Fieldwork's coding-memo Notes; the memo arrives from the
selection's Description instead).
"""
import argparse, builtins, contextlib, json, os, shutil, sqlite3, sys, tempfile, traceback, types, zipfile
import xml.etree.ElementTree as ET

NS = "{urn:QDA-XML:project:1.0}"

# Tables QualCoder's importer writes, as MainWindow.new_project creates them (QualCoder 4.0 dev, v16).
DDL = [
    "CREATE TABLE project (databaseversion text, date text, memo text,about text, bookmarkfile integer, "
    "bookmarkpos integer, codername text, recently_used_codes text, avbookmarkfile integer, avbookmarkmsec integer, avbookmarktext integer)",
    "CREATE TABLE source (id integer primary key, name text, fulltext text, mediapath text, memo text, "
    "owner text, date text, av_text_id integer, risid integer, unique(name))",
    "CREATE TABLE code_image (imid integer primary key,id integer,x1 integer, y1 integer, width integer, "
    "height integer, cid integer, memo text, date text, owner text, important integer, pdf_page integer)",
    "CREATE TABLE code_av (avid integer primary key,id integer,pos0 integer, pos1 integer, cid integer, "
    "memo text, date text, owner text, important integer)",
    "CREATE TABLE annotation (anid integer primary key, fid integer,pos0 integer, pos1 integer, memo text, "
    "owner text, date text, unique(fid,pos0,pos1,owner))",
    "CREATE TABLE attribute_type (name text primary key, date text, owner text, memo text, caseOrFile text, valuetype text)",
    "CREATE TABLE attribute (attrid integer primary key, name text, attr_type text, value text, id integer, "
    "date text, owner text, unique(name,attr_type,id))",
    "CREATE TABLE case_text (id integer primary key, caseid integer, fid integer, pos0 integer, pos1 integer, "
    "owner text, date text, memo text)",
    "CREATE TABLE cases (caseid integer primary key, name text, memo text, owner text,date text, constraint ucm unique(name))",
    "CREATE TABLE code_cat (catid integer primary key, name text, owner text, date text, memo text, "
    "supercatid integer, unique(name))",
    "CREATE TABLE code_text (ctid integer primary key, cid integer, fid integer,seltext text, pos0 integer, "
    "pos1 integer, owner text, date text, memo text, avid integer, important integer, unique(cid,fid,pos0,pos1, owner))",
    "CREATE TABLE code_name (cid integer primary key, name text, memo text, catid integer, owner text,"
    "date text, color text, supercid integer, unique(name))",
    "CREATE TABLE journal (jid integer primary key, name text, jentry text, date text, owner text, unique(name))",
]


class Log(list):
    """Stands in for the main window's QTextEdit (the importer only calls append)."""
    def append(self, text):
        super().append(str(text))


def load_refi(src):
    """Import qualcoder.refi from src, with the two modules it needs only for GUI dialogs stubbed."""
    sys.path.insert(0, os.path.abspath(src))
    if not callable(getattr(builtins, "_", None)):
        builtins._ = lambda s: s  # gettext, as QualCoder installs it
    messages = []

    class Message:  # helpers.Message is a QMessageBox; exec() would block, so record it instead
        def __init__(self, app, title, text, icon=None):
            self.record = {"title": title, "text": text, "icon": icon}
        def exec(self):
            messages.append(self.record)

    helpers = types.ModuleType("qualcoder.helpers")
    helpers.Message = Message
    endings = types.ModuleType("qualcoder.GUI.ui_dialog_refi_export_endings")
    endings.Ui_Dialog_refi_export_line_endings = object  # only RefiExport's dialog uses it
    sys.modules["qualcoder.helpers"] = helpers
    sys.modules["qualcoder.GUI.ui_dialog_refi_export_endings"] = endings
    from qualcoder import refi
    refi.Message = Message
    return refi, messages


def new_project(folder):
    """What MainWindow.new_project does, minus the dialogs and graph tables."""
    for sub in ("images", "audio", "video", "documents"):
        os.makedirs(os.path.join(folder, sub))
    conn = sqlite3.connect(os.path.join(folder, "data.qda"))
    for statement in DDL:
        conn.execute(statement)
    conn.execute("INSERT INTO project VALUES(?,?,?,?,?,?,?,?,null,null,null)",
                 ("v16", "2000-01-01 00:00:00", "", "QualCoder 4.0 in development", 0, 0, "default", ""))
    conn.commit()
    return conn


def run_import(qdpx, src, work):
    from PyQt6 import QtWidgets
    with contextlib.redirect_stdout(sys.stderr):  # refi.py prints "No module named 'vlc'"
        refi, messages = load_refi(src)
    app_qt = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    copy = os.path.join(work, "import.qdpx")  # the importer unzips next to the file it is given
    shutil.copyfile(qdpx, copy)
    # (file, selected filter); RefiImport treats an empty filter as "cancelled"
    QtWidgets.QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: (copy, "(*.qdpx *.QDPX)"))
    project = os.path.join(work, "imported.qda")
    app = types.SimpleNamespace(
        conn=new_project(project), project_path=project, ai=None, ai_models=[],
        settings={"directory": work, "codername": "default", "ai_enable": "False", "font": "Sans", "fontsize": "12"},
        write_config_ini=lambda *a: None)
    log, error = Log(), None
    try:
        with contextlib.redirect_stdout(sys.stderr):  # QualCoder prints debug lines; keep stdout JSON
            refi.RefiImport(app, log, "qdpx")
    except Exception:
        error = traceback.format_exc()
    app_qt.processEvents()
    return app.conn, log, messages, error, os.path.abspath(refi.__file__)


def summarise(conn):
    q = lambda sql: conn.execute(sql).fetchall()
    tables = ["source", "code_name", "code_cat", "code_text", "annotation", "cases", "case_text",
              "attribute_type", "attribute", "journal", "code_image", "code_av"]
    counts = {t: q(f"select count(*) from {t}")[0][0] for t in tables}
    codings = q("select s.name, c.name, t.pos0, t.pos1, t.seltext, t.owner, t.memo from code_text t "
                "left join source s on s.id=t.fid left join code_name c on c.cid=t.cid order by 1,3,4,2,6")
    return counts, [list(r) for r in codings]


def check(conn, qdpx):
    """Differences between QualCoder's database and the .qdpx (empty list: everything arrived)."""
    q = lambda sql, *a: conn.execute(sql, a).fetchall()
    bad = []
    with zipfile.ZipFile(qdpx) as z:
        root = ET.fromstring(z.read("project.qde"))
        texts = {}
        for ts in root.iter(NS + "TextSource"):
            name = ts.get("plainTextPath").split("internal://")[1]
            entry = next(n for n in z.namelist() if n.lower() == "sources/" + name.lower())
            texts[ts.get("guid")] = (ts.get("name"), z.read(entry).decode("utf-8"))
    users = {u.get("guid"): u.get("name") for u in root.iter(NS + "User")}
    # Sources: one row each, same text
    db_src = dict(q("select name, fulltext from source"))
    for name, text in texts.values():
        if db_src.get(name) != text:
            bad.append(f"source {name!r}: " + ("missing" if name not in db_src else "fulltext differs"))
    # Code tree: every Code is a code (isCodable not false), under its parent code (supercid)
    codes, parents = {}, {}
    def walk(el, parent):
        for c in el.findall(NS + "Code"):
            codes[c.get("guid")] = c.get("name")
            parents[c.get("name")] = parent
            walk(c, c.get("name"))
    walk(root.find(f"{NS}CodeBook/{NS}Codes"), None)
    # Parent in QualCoder: the supercid code (QualCoder 4 sub-codes) or else the enclosing category; older
    # QualCoder turns a code with children into a category holding a same-named code, so skip that level.
    db_codes = {}
    for n, sup, cat, supercat in q("select c.name, p.name, k.name, sk.name from code_name c "
                                   "left join code_name p on p.cid=c.supercid left join code_cat k on k.catid=c.catid "
                                   "left join code_cat sk on sk.catid=k.supercatid"):
        db_codes[n] = sup or (supercat if cat == n else cat)
    for name, parent in parents.items():
        if name not in db_codes:
            bad.append(f"code {name!r} missing")
        elif db_codes[name] != parent:
            bad.append(f"code {name!r}: parent {db_codes[name]!r}, expected {parent!r}")
    # Codings: (source, code, pos0, pos1, owner) with seltext = text[pos0:pos1] and the memo; and
    # Fieldwork names each selection by its quote (folded whitespace, long ones cut with "…"), so
    # QualCoder's selection must read as that quote
    want = []
    for ts in root.iter(NS + "TextSource"):
        name, text = texts[ts.get("guid")]
        for sel in ts.findall(NS + "PlainTextSelection"):
            p0, p1 = int(sel.get("startPosition")), int(sel.get("endPosition"))
            memo = sel.findtext(NS + "Description") or ""
            for coding in sel.findall(NS + "Coding"):
                code = codes.get(coding.find(NS + "CodeRef").get("targetGUID"))
                want.append([name, code, p0, p1, text[p0:p1], users.get(sel.get("creatingUser"), "default"), memo])
            quote, flat = sel.get("name") or "", " ".join(text[p0:p1].split())
            if quote and not (flat == quote or quote.endswith("…") and flat.startswith(quote[:-1].rstrip())):
                bad.append(f"{name} {p0}-{p1}: QualCoder selects {text[p0:p1]!r}, quote is {quote!r}")
    have = [list(r) for r in q("select s.name, c.name, t.pos0, t.pos1, t.seltext, t.owner, t.memo from code_text t "
                                "left join source s on s.id=t.fid left join code_name c on c.cid=t.cid")]
    bad += [f"coding not stored as expected: {row}" for row in want if row not in have]
    bad += [f"unexpected coding in QualCoder: {row}" for row in have if row not in want]
    # Cases and their variable values
    db_cases = {r[0] for r in q("select name from cases")}
    variables = {v.get("guid"): v.get("name") for v in root.iter(NS + "Variable")}
    db_attr = {(c, n): v for c, n, v in q("select cases.name, a.name, a.value from attribute a "
                                          "join cases on cases.caseid=a.id where a.attr_type='case'")}
    for case in root.iter(NS + "Case"):
        if case.get("name") not in db_cases:
            bad.append(f"case {case.get('name')!r} missing")
        for vv in case.findall(NS + "VariableValue"):
            var = variables.get(vv.find(NS + "VariableRef").get("targetGUID"))
            value = next((e.text for e in vv if e.tag != NS + "VariableRef"), None)
            if db_attr.get((case.get("name"), var)) != value:
                bad.append(f"case {case.get('name')!r} variable {var!r}: {db_attr.get((case.get('name'), var))!r}, expected {value!r}")
    return bad


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("qdpx")
    ap.add_argument("--qualcoder-src", required=True, help="folder holding the qualcoder package")
    ap.add_argument("--check", action="store_true", help="compare with the .qdpx; exit 1 on differences")
    ap.add_argument("--keep", help="copy the resulting QualCoder project folder here")
    args = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = tempfile.mkdtemp(prefix="qc-import-")
    try:
        conn, log, messages, error, refi_path = run_import(os.path.abspath(args.qdpx), args.qualcoder_src, work)
        counts, codings = summarise(conn)
        out = {"qdpx": args.qdpx, "refi_py": refi_path, "import_error": error, "counts": counts,
               "project_memo": conn.execute("select memo from project").fetchone()[0],
               "codings": [r[:6] for r in codings], "qualcoder_log": list(log), "qualcoder_messages": messages}
        if args.check:
            out["mismatches"] = check(conn, args.qdpx)
        conn.close()
        if args.keep:
            shutil.copytree(os.path.join(work, "imported.qda"), args.keep, dirs_exist_ok=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(out, ensure_ascii=False, indent=1))
    return 1 if error or (args.check and out["mismatches"]) else 0


if __name__ == "__main__":
    sys.exit(main())
