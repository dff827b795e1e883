"""Facts layer: quotes and their citations, the positions table, renderings, references and sourcing, memberships, presidents, claim checks, record notes."""
