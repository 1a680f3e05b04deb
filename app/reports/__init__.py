"""Supervision figures 督办统计 (Qt-free): computed from the milestone projections, defined in docs/figures.md."""
