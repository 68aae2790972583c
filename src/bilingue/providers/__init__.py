"""Translation services behind one small interface (see ``base.Provider``)."""
