window.TK_DATA.add("finder/pakketype-mentorpakke", [2]);
