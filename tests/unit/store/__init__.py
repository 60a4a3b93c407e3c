"""Tests of pos.store."""
