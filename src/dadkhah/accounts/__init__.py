"""dadkhah.accounts"""
