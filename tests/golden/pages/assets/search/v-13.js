window.TK_DATA.add("search/v-13", {"terms":{},"words":{"13":["13",[],[],[2]]}});
