window.FINDER.add("pakketype-mentorpakke", [2]);
