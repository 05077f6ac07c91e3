"""Data files of asyncops: translations (Qt Linguist .ts sources and compiled .qm), screenshots, desktop entry."""
