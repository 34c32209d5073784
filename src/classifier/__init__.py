"""paradip: classify the foreign activity of sub-state governments in news.

The package reads news in Arabic, Persian and English and labels the foreign
activity of a region, province, federated state or city as ``complementary``,
``parallel``, ``constituent`` or ``none`` (see ``shared/codebook.md``).
"""

__version__ = "0.1.0"
