window.FINDER.add("metode-mentorstoette", [2]);
