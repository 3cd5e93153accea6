"""The people views: "My day" from the server, the squad board, the tutor's review queue."""
