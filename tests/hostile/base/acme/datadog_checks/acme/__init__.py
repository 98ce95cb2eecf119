from .__about__ import __version__
from .check import AcmeCheck

__all__ = ['__version__', 'AcmeCheck']
