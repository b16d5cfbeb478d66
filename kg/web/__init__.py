"""The graph as a website: entity, document and district pages, search, the SPARQL editor (served by ``kg serve``)."""
