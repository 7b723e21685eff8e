"""Stages 1 and 2: the content model (nodes), its inline markup, the load stage (YAML -> validated model) and the number stage."""
