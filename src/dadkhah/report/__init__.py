"""dadkhah.report"""
