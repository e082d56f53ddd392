#!/usr/bin/env python3
"""Checks with HermiT (through owlready2) that ontology/unlod.ttl is consistent with UNDO,
ALLOT and FRBR core, that none of its classes is unsatisfiable, and that adding data (unlod's
RDF outputs given as arguments) keeps it consistent.

    python3 tests/ontology_consistency.py [DATA.ttl|.nt ...]

The vocabularies are read from $UNLOD_SHARED/vocab (default ../shared/vocab beside the
project). Their owl:imports are dropped: the imported ontologies (PWO, BFO, DOLCE, …) are not
available offline, and the axioms that matter here (ALLOT's disjoint classes, UNDO's language
restrictions, FRBR's disjoint Work and Expression) are in the files themselves.

Exit status: 0 when consistent, 1 when inconsistent or a class is unsatisfiable, 2 when
something needed is missing (Python packages, Java, a file): never a silent pass.
"""

import os
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("UNLOD_SHARED") or os.path.join(ROOT, "..", "shared")
VOCABS = ["undo-2017-06-01.ttl", "allot-2017-04-21.ttl", "frbr-core-spar.ttl"]
UNLOD = "https://w3id.org/unlod/ontology#"


def fail(code, msg):
    print(f"ontology_consistency: {msg}", file=sys.stderr)
    sys.exit(code)


try:
    import rdflib
    from rdflib.namespace import OWL
    import owlready2
except ImportError as e:
    fail(2, f"{e}: install the test tools with `python3 -m pip install owlready2 rdflib` (scripts/test.sh does)")

if owlready2.JAVA_EXE is None or not any(
    os.access(os.path.join(p, "java"), os.X_OK) for p in os.environ.get("PATH", "").split(os.pathsep)
):
    fail(2, "HermiT needs Java: install a JRE (Debian: apt-get install default-jre-headless; scripts/test.sh does)")


def load(paths):
    """The union of the files, without owl:imports, as an rdflib graph."""
    g = rdflib.Graph()
    for p in paths:
        if not os.path.isfile(p):
            fail(2, f"missing {p} (the vocabularies are in the shared folder's vocab/; set UNLOD_SHARED)")
        fmt = "nt" if p.endswith(".nt") else "nquads" if p.endswith(".nq") else "turtle"
        if fmt == "nquads":
            ds = rdflib.Dataset()
            ds.parse(p, format="nquads")
            for s, p_, o, _ in ds.quads((None, None, None, None)):
                g.add((s, p_, o))
        else:
            g.parse(p, format=fmt)
    g.remove((None, OWL.imports, None))
    return g


def reason(graph):
    """Runs HermiT on the graph: None when consistent with every unlod class satisfiable,
    else what is wrong. xsd:date is not in the OWL 2 datatype map, so HermiT is told to
    ignore unsupported datatypes (their literals are opaque values)."""
    with tempfile.TemporaryDirectory() as tmp:
        nt = os.path.join(tmp, "all.nt")
        graph.serialize(nt, format="nt", encoding="utf-8")
        world = owlready2.World()
        onto = world.get_ontology("file://" + nt).load(format="ntriples")
        try:
            with onto:
                owlready2.sync_reasoner_hermit(
                    world, infer_property_values=False, debug=0, ignore_unsupported_datatypes=True
                )
        except owlready2.OwlReadyInconsistentOntologyError:
            return "inconsistent"
        except owlready2.OwlReadyJavaError as e:
            fail(2, f"HermiT could not run: {e}")
        ours = sorted(c.iri for c in world.inconsistent_classes() if c.iri.startswith(UNLOD))
        if ours:
            return f"unsatisfiable classes (subclasses of owl:Nothing): {', '.join(ours)}"
        return None


def check(label, graph):
    problem = reason(graph)
    if problem:
        fail(1, f"{label}: {problem} (HermiT)")
    print(f"{label}: consistent, every unlod class satisfiable ({len(graph)} triples)")


def main():
    ontology = [os.path.join(ROOT, "ontology", "unlod.ttl")] + [os.path.join(SHARED, "vocab", v) for v in VOCABS]
    graph = load(ontology)
    check("unlod + UNDO + ALLOT + FRBR core", graph)
    data = sys.argv[1:]
    if data:
        graph = graph + load(data)
        check(f"the same with {len(data)} data file(s)", graph)
    # The check can fail: a State that is also an office (ALLOT's organizations and roles are
    # disjoint) must make HermiT report an inconsistency.
    bad = rdflib.URIRef("urn:unlod:test:both-a-state-and-an-office")
    graph.add((bad, rdflib.RDF.type, rdflib.URIRef(UNLOD + "State")))
    graph.add((bad, rdflib.RDF.type, rdflib.URIRef(UNLOD + "Official")))
    if reason(graph) != "inconsistent":
        fail(1, "self-test: HermiT found no contradiction in a State that is also an office: the check does not work")
    print("self-test: a State that is also an office is found inconsistent, as it must be")


main()
