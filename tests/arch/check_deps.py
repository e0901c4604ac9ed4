#!/usr/bin/env python3
"""Checks that each core module's CMake dependencies are exactly what its files include.

The build already refuses a module header that the target does not link (each module's include
root holds only its own folder, see core/CMakeLists.txt), but it cannot see a dependency that is
declared and never used, one that is PUBLIC while only .cpp files need it, a cycle, or a Qt GUI
header reached through the Qt include root. This script reads the graph CMake wrote
(build/<preset>/lhm_modules.txt: "target dir|public deps|private deps|exchange parts" per line), scans
every #include under core/<dir>/ and prints one "file:line: problem" per finding. Exit 1 if any.

An exchange is one folder core/exchanges/<id>/ whose files belong to the module whose exchange parts
end their name (<Enum>Protocol.h is lhm_feeds' with the part "Protocol"): they are checked as that
module's files, and including one ("exchanges/okx/OkxProtocol.h") is a dependency on that module.

With --expect FILE it instead compares the findings with FILE (the self-test on a planted tree).
"""
import argparse
import os
import re
import sys

# Headers of external libraries -> the CMake target that provides them.
EXTERNAL = [
    ("yaml-cpp/", "yaml-cpp"),
    ("sqlite3.h", "SQLite::SQLite3"),
    ("zip.h", "PkgConfig::LIBZIP"),
    ("isa-l/", "PkgConfig::ISAL"),
    ("openssl/", "OpenSSL::Crypto"),
    ("curl/", "CURL::libcurl"),
    ("qt6keychain/", "Qt6Keychain::Qt6Keychain"),
    ("muParser.h", "PkgConfig::MUPARSER"),
]
# Qt modules core may never use: it is widget-free (house rule; ui/ draws).
QT_GUI = {"QtGui", "QtWidgets", "QtPrintSupport", "QtCharts", "QtOpenGL", "QtOpenGLWidgets", "QtSvg",
          "QtSvgWidgets", "QtQuick", "QtQml"}
# Dependencies no include can prove or disprove (everything uses QtCore; threads come with <thread>).
UNCHECKED = {"Qt6::Core", "Threads::Threads"}
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
CONDITIONAL = re.compile(r"^\s*#\s*if.*\bLHM_HAVE_")


def qt_header_map(qt_root):
    """Maps a Qt class header (QNetworkReply) to its Qt module (QtNetwork)."""
    headers = {}
    if qt_root and os.path.isdir(qt_root):
        for module in sorted(os.listdir(qt_root)):
            path = os.path.join(qt_root, module)
            if module.startswith("Qt") and os.path.isdir(path):
                headers[module] = module
                for name in os.listdir(path):
                    if "." not in name:
                        headers.setdefault(name, module)
    return headers


def read_graph(path):
    modules = {}  # dir -> (target, public set, private set)
    parts = {}  # exchange part ("Protocol") -> dir of the module that owns it
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            fields = line.split("|")
            head, public, private = fields[:3]
            target, folder = head.split()
            modules[folder] = (target, set(public.split()), set(private.split()))
            for part in (fields[3].split() if len(fields) > 3 else []):
                parts[part] = folder
    return modules, parts


EXCHANGES = "exchanges"


def exchange_owner(name, parts):
    """The dir of the module an exchange-folder file belongs to, by its name's suffix; None if none."""
    stem = os.path.splitext(name)[0]
    for part, folder in parts.items():
        if stem.endswith(part):
            return folder
    return None


def module_files(root, folder, parts):
    """(path, name) of every .h/.cpp of the module: core/<dir>/ and its parts of core/exchanges/*/."""
    out = []
    for dirpath, _, files in os.walk(os.path.join(root, "core", folder)):
        out += [(os.path.join(dirpath, n), n) for n in sorted(files)]
    base = os.path.join(root, "core", EXCHANGES)
    if os.path.isdir(base):
        for exchange in sorted(os.listdir(base)):
            path = os.path.join(base, exchange)
            if os.path.isdir(path):
                out += [(os.path.join(path, n), n) for n in sorted(os.listdir(path))
                        if n.endswith((".h", ".cpp")) and exchange_owner(n, parts) == folder]
    return out


def unowned(root, parts):
    """Code files of core/exchanges/*/ that no module's exchange parts claim."""
    findings = []
    base = os.path.join(root, "core", EXCHANGES)
    if os.path.isdir(base):
        for exchange in sorted(os.listdir(base)):
            path = os.path.join(base, exchange)
            if os.path.isdir(path):
                for n in sorted(os.listdir(path)):
                    if n.endswith((".h", ".cpp")) and exchange_owner(n, parts) is None:
                        findings.append(f"core/{EXCHANGES}/{exchange}/{n}: no module's exchange parts end this name "
                                        "(EXCHANGE_PARTS in core/CMakeLists.txt)")
    return findings


def scan(root, modules, parts, qt_headers):
    findings = []
    used = {folder: {} for folder in modules}  # folder -> dep -> True if a header needs it
    targets = {folder: spec[0] for folder, spec in modules.items()}
    for folder, (target, public, private) in sorted(modules.items()):
        declared = public | private
        for path, name in module_files(root, folder, parts):
            if not name.endswith((".h", ".cpp")):
                continue
            rel = os.path.relpath(path, root)
            is_header = name.endswith(".h")
            depth = 0
            optional_depth = None
            with open(path, encoding="utf-8", errors="replace") as f:
                lines = f.readlines()
            for number, text in enumerate(lines, 1):
                stripped = text.strip()
                if re.match(r"#\s*if", stripped):
                    depth += 1
                    if optional_depth is None and CONDITIONAL.match(stripped):
                        optional_depth = depth
                elif re.match(r"#\s*endif", stripped):
                    if optional_depth == depth:
                        optional_depth = None
                    depth -= 1
                m = INCLUDE.match(text)
                if not m:
                    continue
                where = f"{rel}:{number}"
                quote, inc = m.groups()
                shown = f'"{inc}"' if quote == '"' else f"<{inc}>"
                top = inc.split("/")[0]
                dep = None
                if ".." in inc.split("/"):
                    findings.append(f"{where}: {target} includes {shown}, which reaches outside its folder; "
                                    "include other modules as \"<module>/<Header>.h\"")
                    continue
                if "/" in inc and quote == '"' and not os.path.exists(os.path.join(root, "core", inc)):
                    if os.path.exists(os.path.join(root, "ui", inc)):
                        findings.append(f"{where}: {target} includes ui/{inc}; core never reaches up into ui/")
                    continue
                if "/" in inc and top == EXCHANGES and quote == '"':
                    owner = exchange_owner(os.path.basename(inc), parts)
                    if owner is None or owner == folder:
                        continue  # its own part (an unowned file is reported once, by unowned())
                    dep = targets[owner]
                elif "/" in inc and top in modules:
                    if top == folder:
                        continue
                    dep = targets[top]
                elif "qcustomplot" in inc.lower():
                    findings.append(f"{where}: {target} includes <{inc}>; core is widget-free (QCustomPlot belongs in ui/)")
                    continue
                elif quote == "<" and (top in qt_headers or inc in qt_headers):
                    qt_module = top if "/" in inc else qt_headers[inc]
                    if qt_module in QT_GUI:
                        findings.append(f"{where}: {target} includes <{inc}> ({qt_module}); core is widget-free, "
                                        "drawing and widgets belong in ui/")
                        continue
                    dep = "Qt6::" + qt_module[2:]
                else:
                    for prefix, ext_target in EXTERNAL:
                        if inc == prefix or (prefix.endswith("/") and inc.startswith(prefix)):
                            dep = ext_target
                if dep is None or dep in UNCHECKED:
                    continue
                used[folder][dep] = used[folder].get(dep, False) or is_header
                if dep not in declared:
                    if optional_depth is not None:
                        continue  # an optional library behind #if LHM_HAVE_...; CMake adds it when found
                    findings.append(f"{where}: {target} includes {shown} but does not depend on {dep} "
                                    "(add it to the module's DEPS or PRIVATE in core/CMakeLists.txt, if the "
                                    "direction is allowed)")
                elif is_header and dep not in public:
                    findings.append(f"{where}: {target}'s header includes {shown} but {dep} is PRIVATE; "
                                    "consumers of the header need it PUBLIC (DEPS)")
        for dep in sorted(declared - UNCHECKED):
            if dep not in used[folder]:
                findings.append(f"core/CMakeLists.txt: {target} depends on {dep} but nothing in core/{folder}/ "
                                "includes its headers; drop it")
            elif dep in public and not used[folder][dep]:
                findings.append(f"core/CMakeLists.txt: {target} depends on {dep} PUBLIC but only its .cpp files "
                                "include it; make it PRIVATE")
    return findings


def cycles(modules):
    graph = {spec[0]: sorted(d for d in spec[1] | spec[2] if d.startswith("lhm_")) for spec in modules.values()}
    found, state = [], {}

    def visit(node, stack):
        state[node] = "open"
        for nxt in graph.get(node, []):
            if state.get(nxt) == "open":
                loop = stack[stack.index(nxt):] + [nxt]
                found.append("core/CMakeLists.txt: dependency cycle " + " -> ".join(loop) +
                             "; data flows one way (sources -> ingest -> store -> models -> views)")
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", required=True, help="lhm_modules.txt written by core/CMakeLists.txt")
    parser.add_argument("--source", required=True, help="source root holding core/ (and ui/)")
    parser.add_argument("--qt-headers", default="", help="Qt's include root (holds QtCore/, QtGui/, ...)")
    parser.add_argument("--expect", help="file with exactly the findings expected (self-test)")
    args = parser.parse_args()

    modules, parts = read_graph(args.graph)
    findings = unowned(args.source, parts) + scan(args.source, modules, parts, qt_header_map(args.qt_headers)) + cycles(modules)
    if args.expect:
        with open(args.expect, encoding="utf-8") as f:
            expected = [line.rstrip("\n") for line in f if line.strip()]
        if findings == expected:
            print(f"self-test: all {len(expected)} planted problems found, nothing else")
            return 0
        print("self-test failed\n-- expected:\n" + "\n".join(expected) + "\n-- found:\n" + "\n".join(findings))
        return 1
    for line in findings:
        print(line)
    if findings:
        print(f"{len(findings)} dependency problem(s) in core/")
        return 1
    print(f"{len(modules)} core modules: every include matches a declared dependency and every dependency is used")
    return 0


if __name__ == "__main__":
    sys.exit(main())
