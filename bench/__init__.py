"""Benchmarks that print figures (never timed tests). Run each as a module: python -m bench.checker."""
