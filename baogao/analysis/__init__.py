"""The writer's tools over the search index: how a 提法 has been used (trend, …)."""
