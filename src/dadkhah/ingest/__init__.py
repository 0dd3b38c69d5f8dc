"""dadkhah.ingest"""
