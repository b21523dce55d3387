# An exception raised by __exit__ while another is propagating: both are shown.
class Transaction:
    def __enter__(self):
        print("begin")
        return self
    def __exit__(self, exc_type, exc, tb):
        print("rollback because of", exc_type.__name__)
        raise RuntimeError("rollback failed")

with Transaction():
    print("working")
    raise ValueError("bad row")
