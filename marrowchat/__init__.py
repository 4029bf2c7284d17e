"""marrowchat: conversational triage of diffuse increased bone-marrow FDG uptake (decision support)."""

__version__ = "0.1.0"
