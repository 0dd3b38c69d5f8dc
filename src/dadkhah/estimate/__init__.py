"""dadkhah.estimate"""
