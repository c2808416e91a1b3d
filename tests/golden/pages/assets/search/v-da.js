window.TK_DATA.add("search/v-da", {"terms":{},"words":{"dag":["dage",[],[],[2]]}});
