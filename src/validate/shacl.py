# SHACL validation for `unlod validate`, with pySHACL: the shapes and the ontology are read
# once, then each data file in turn. Run by the unlod binary (embedded with include_str!):
#     python3 -c SCRIPT SHAPES.ttl ONTOLOGY.ttl DATA.nt...
# Prints one JSON object per data file, one per line:
#     {"file": "...", "conforms": bool, "results": [{"focus", "shape", "path", "value",
#      "message", "severity", "component"}]}
# Exit status: 0 when every file was validated (conforming or not), 3 when pySHACL is missing.
import json
import sys

try:
    import rdflib
    from rdflib.namespace import SH, RDF
    from pyshacl import validate
except ImportError as e:
    print(f"{e}", file=sys.stderr)
    sys.exit(3)


def term(t):
    if t is None:
        return None
    if isinstance(t, rdflib.URIRef):
        return f"<{t}>"
    if isinstance(t, rdflib.Literal):
        return t.n3()
    return f"_:{t}"


def path(shapes, p):
    """A SHACL path as text: an IRI, ^inverse, or a sequence."""
    if p is None:
        return None
    if isinstance(p, rdflib.URIRef):
        return f"<{p}>"
    inv = shapes.value(p, SH.inversePath)
    if inv is not None:
        return "^" + (path(shapes, inv) or "?")
    for k, op in ((SH.oneOrMorePath, "+"), (SH.zeroOrMorePath, "*"), (SH.zeroOrOnePath, "?")):
        inner = shapes.value(p, k)
        if inner is not None:
            return (path(shapes, inner) or "?") + op
    alt = shapes.value(p, SH.alternativePath)
    if alt is not None:
        return "|".join(path(shapes, x) or "?" for x in rdflib.collection.Collection(shapes, alt))
    if (p, RDF.first, None) in shapes:
        return "/".join(path(shapes, x) or "?" for x in rdflib.collection.Collection(shapes, p))
    return "?"


def shape_name(shapes, s):
    """The named shape a (possibly blank) shape belongs to."""
    seen = set()
    while isinstance(s, rdflib.BNode) and s not in seen:
        seen.add(s)
        parent = next(iter(shapes.subjects(SH.property, s)), None)
        if parent is None:
            parent = next(iter(shapes.subjects(SH.sparql, s)), None)
        if parent is None:
            # A shape inside a list (sh:or, sh:xone): climb to the list's owner.
            node = s
            while True:
                prev = next(iter(shapes.subjects(RDF.rest, node)), None)
                if prev is None:
                    break
                node = prev
            first_of = next(iter(shapes.subjects(RDF.first, node)), None)
            if first_of is not None and first_of != node:
                node = first_of
                while True:
                    prev = next(iter(shapes.subjects(RDF.rest, node)), None)
                    if prev is None:
                        break
                    node = prev
            owner = next(iter(shapes.subjects(None, node)), None)
            parent = owner
        if parent is None:
            break
        s = parent
    return term(s)


def main():
    shapes = rdflib.Graph().parse(sys.argv[1], format="turtle")
    ontology = rdflib.Graph().parse(sys.argv[2], format="turtle")
    for name in sys.argv[3:]:
        label, _, file = name.partition("=")
        data = rdflib.Graph().parse(file, format="nt")
        conforms, report, _ = validate(
            data,
            shacl_graph=shapes,
            ont_graph=ontology,
            inference="none",
            abort_on_first=False,
            allow_warnings=False,
            advanced=True,
        )
        results = []
        for r in report.subjects(RDF.type, SH.ValidationResult):
            source = report.value(r, SH.sourceShape)
            results.append(
                {
                    "focus": term(report.value(r, SH.focusNode)),
                    "shape": shape_name(shapes, source) if source is not None else None,
                    "path": path(report, report.value(r, SH.resultPath)),
                    "value": term(report.value(r, SH.value)),
                    "message": str(report.value(r, SH.resultMessage) or ""),
                    "severity": str(report.value(r, SH.resultSeverity) or "").rsplit("#", 1)[-1],
                    "component": str(report.value(r, SH.sourceConstraintComponent) or "").rsplit("#", 1)[-1],
                }
            )
        results.sort(key=lambda x: (x["focus"] or "", x["shape"] or "", x["message"]))
        print(json.dumps({"file": label, "conforms": bool(conforms), "results": results}), flush=True)


main()
