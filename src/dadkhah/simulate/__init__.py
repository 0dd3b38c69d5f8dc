"""dadkhah.simulate"""
