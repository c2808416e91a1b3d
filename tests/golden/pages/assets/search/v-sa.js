window.TK_DATA.add("search/v-sa", {"terms":{},"words":{"sagsbehandl":["sagsbehandler",[],[],[10]],"samtal":["samtale",[],[],[5,5]]}});
