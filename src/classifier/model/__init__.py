"""The model: one scikit-learn Pipeline (normalise, featurise, classify) and its tools."""
