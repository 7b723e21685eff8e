"""`unreport import`: existing documents (DOCX, plain text) into content YAML and PO catalogs.

One job per module: `docx_reader` and `text_reader` turn a file into a neutral stream of
paragraphs (`paragraphs`); `numbers` and `dates` read printed numbers, labels and dates back
with the language's house style; `structure` turns the stream into the report's structure;
`states` turns printed lists of States back into codes; `ids` gives the structure readable IDs;
`align` pairs a translation with an existing report by structure and number; `write` emits the
content YAML and the PO catalog; `command` is the command line.
"""
