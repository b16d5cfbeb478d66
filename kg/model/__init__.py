"""The data model: vocabulary and IRIs, the ontology's terms, class groups and styles, document statements."""
