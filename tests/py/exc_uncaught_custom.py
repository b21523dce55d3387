# An uncaught custom exception raised from a method, with context.
class ValidationError(Exception):
    def __init__(self, field):
        super().__init__(f"invalid field: {field}")

class Form:
    def __init__(self, data):
        self.data = data
    def validate(self):
        for key, value in self.data.items():
            if not value:
                try:
                    raise LookupError(key)
                except LookupError:
                    raise ValidationError(key)

print("validating")
Form({"name": "x", "email": ""}).validate()
