"""dadkhah.web"""
