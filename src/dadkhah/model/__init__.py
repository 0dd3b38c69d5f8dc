"""dadkhah.model"""
