"""The paradip HTTP service (FastAPI); the classifier arrives with the model."""
