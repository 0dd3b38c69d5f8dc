"""dadkhah.places"""
