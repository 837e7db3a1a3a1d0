// Rating widget: (being written).
