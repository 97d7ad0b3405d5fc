"""Tests of lexversion.text, mirroring its modules."""
