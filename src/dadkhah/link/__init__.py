"""dadkhah.link"""
