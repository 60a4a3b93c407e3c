"""Helpers shared by the test folders (fakes of the outside world)."""
