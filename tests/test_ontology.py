"""The ontology: loads, is labelled in Chinese and English, aligns to standard vocabularies."""

from __future__ import annotations

from rdflib import OWL, RDF, RDFS, URIRef

from kg.model.vocab import KG, SCHEMA, classes, ontology, relation_properties

ONTOLOGY = URIRef("https://w3id.org/kg-cityedu/ontology")


def _terms():
    graph = ontology()
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty):
        for term in graph.subjects(RDF.type, kind):
            if isinstance(term, URIRef) and str(term).startswith(str(KG)):
                yield term


def test_ontology_has_namespace_and_version():
    graph = ontology()
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in graph
    assert graph.value(ONTOLOGY, OWL.versionInfo) is not None
    assert graph.value(ONTOLOGY, OWL.versionIRI) is not None


def test_every_class_and_property_has_chinese_and_english_labels_and_a_comment():
    terms = list(_terms())
    assert len(terms) > 60
    graph = ontology()
    for term in terms:
        languages = {label.language for label in graph.objects(term, RDFS.label)}
        assert {"zh", "en"} <= languages, term
        assert graph.value(term, RDFS.comment) is not None, term
        local = str(term)[len(str(KG)) :]
        assert local[0].isalpha() and " " not in local


def test_required_classes_and_relations_exist():
    required_classes = {
        "School", "Kindergarten", "PrimarySchool", "SecondarySchool", "SecondaryVocationalSchool",
        "College", "University", "VocationalCollege", "Company", "GovernmentAgency", "Platform",
        "TrainingBase", "IndustryEducationAlliance", "IndustryCollege", "InternationalCooperationCenter",
        "VocationalEducationPark", "Program", "Event", "Award", "Place", "District", "City", "Person",
        "SourceDocument",
    }  # fmt: skip
    assert required_classes <= set(classes())
    required_relations = {
        "cooperatesWith", "trains", "integratesWith", "hosts", "builds", "leads", "initiates", "hasAward",
        "designatedAs", "locatedIn", "partOf", "memberOf", "participatesIn", "offers", "worksAt",
    }  # fmt: skip
    assert required_relations <= set(relation_properties())


def test_alignment_to_schema_org_w3c_org_and_prov():
    graph = ontology()
    assert (KG.Organization, OWL.equivalentClass, URIRef("http://www.w3.org/ns/org#Organization")) in graph
    assert (KG.College, OWL.equivalentClass, SCHEMA.CollegeOrUniversity) in graph
    assert (KG.SourceDocument, RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Entity")) in graph
    assert (KG.worksAt, RDFS.subPropertyOf, SCHEMA.worksFor) in graph
    assert (KG.RelationAssertion, RDFS.subClassOf, RDF.Statement) in graph
