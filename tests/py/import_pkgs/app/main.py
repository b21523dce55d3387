from . import config
from .config import settings as s
from ..greetings import greet

def run():
    return greet(s["user"], "Hi") + " " + config.describe()
