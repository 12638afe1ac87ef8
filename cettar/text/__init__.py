"""UI strings per page: each module has STRINGS = {key: (Indonesian, English)}."""
