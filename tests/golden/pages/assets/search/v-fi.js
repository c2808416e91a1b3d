window.TK_DATA.add("search/v-fi", {"terms":{},"words":{"fik":["fik",[],[],[10]],"find":["finde",[],[],[1,6]]}});
