// Read beacon: (being written).
