window.TK_DATA.add("search/v-jo", {"terms":{"job aarhus":[0],"jobpak":[7]},"words":{"job":["job",[0],[],[1,6]],"jobpak":["jobpakke",[1,6],[],[]]}});
