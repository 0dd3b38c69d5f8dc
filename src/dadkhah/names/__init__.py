"""dadkhah.names"""
